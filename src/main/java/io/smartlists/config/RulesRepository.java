package io.smartlists.config;

import org.springframework.data.jpa.repository.JpaRepository;

interface RulesRepository extends JpaRepository<RulesEntity, Integer> {}
