package io.smartlists.merchandising;

import io.smartlists.engine.model.JourneyStage;
import io.smartlists.engine.model.Placement;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The stored cells. Public only so that the auto-configuration can hand it to the config source and
 * the editor; the rest of the module reads cells through them.
 */
public interface CellRepository extends JpaRepository<CellEntity, Long> {

  Optional<CellEntity> findByPlacementAndStage(Placement placement, JourneyStage stage);
}
