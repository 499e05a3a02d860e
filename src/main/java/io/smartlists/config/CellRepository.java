package io.smartlists.config;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Placement;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CellRepository extends JpaRepository<CellEntity, Long> {

  Optional<CellEntity> findByPlacementAndStage(Placement placement, JourneyStage stage);
}
