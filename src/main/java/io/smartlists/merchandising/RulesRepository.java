package io.smartlists.merchandising;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The stored rules row. Public only so that the auto-configuration can hand it to the config source
 * and the editor.
 */
public interface RulesRepository extends JpaRepository<RulesEntity, Integer> {}
