package io.smartlists.merchandising;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * The stored revisions. Public only so that the auto-configuration can hand it to the {@link
 * RevisionLog}.
 */
public interface RevisionRepository extends JpaRepository<RevisionEntity, Long> {

  /** The configuration version every node polls: one indexed aggregate, cheap every 2 s. */
  @Query("select max(r.id) from RevisionEntity r")
  @Nullable Long maxVersion();

  @Query("select r from RevisionEntity r order by r.id desc")
  List<RevisionEntity> newestFirst(Pageable page);
}
