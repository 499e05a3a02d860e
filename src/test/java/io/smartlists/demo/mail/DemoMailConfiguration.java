package io.smartlists.demo.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The store's SMTP server: GreenMail in the same JVM ({@code demo.mail.smtp-port}; by default a
 * free port, so that test contexts and several stores on one machine never collide), and Spring
 * Mail's sender pointed at it. A real store sets {@code spring.mail.host} instead and lets Spring
 * Boot build the sender.
 */
@Configuration(proxyBeanMethods = false)
class DemoMailConfiguration {

  @Bean(initMethod = "start", destroyMethod = "stop")
  GreenMail demoSmtpServer(@Value("${demo.mail.smtp-port:0}") int port) {
    ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    return new GreenMail(port == 0 ? smtp.dynamicPort() : smtp);
  }

  @Bean
  JavaMailSender demoMailSender(GreenMail smtp) {
    JavaMailSenderImpl sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
    sender.setDefaultEncoding("UTF-8");
    return sender;
  }
}
