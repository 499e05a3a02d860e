package io.smartlists.demo.order;

import org.springframework.data.jpa.repository.JpaRepository;

interface OrderRepository extends JpaRepository<StoreOrder, Long> {}
