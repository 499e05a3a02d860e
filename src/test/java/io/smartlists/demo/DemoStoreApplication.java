package io.smartlists.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/**
 * The reference store: a small Broadleaf-style grocery shop on Spring MVC, Thymeleaf and JPA with
 * the Smart Lists module installed as a plain dependency. Start it with {@code mvn
 * spring-boot:test-run} (http://localhost:8080, embedded H2 in memory, data from {@code
 * src/test/resources/demo-data}).
 *
 * <p>It implements every port of {@code io.smartlists.host} ({@code DemoCatalog}, {@code
 * DemoOrderHistory}, {@code DemoCustomers}, {@code CurrentCustomer}) and publishes every event
 * through {@link StoreEvents}; the three widgets sit on the product, cart and confirmation
 * templates ({@code templates/demo}).
 */
@SpringBootApplication
@PropertySource("classpath:demo-data/store.properties")
public class DemoStoreApplication {

  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(DemoStoreApplication.class);
    // replayed shoppers fill the Statistics screen (DemoTrafficReplay); tests start without them
    app.setDefaultProperties(java.util.Map.of("demo.replay.enabled", "true"));
    app.run(args);
  }
}
