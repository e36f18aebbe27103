package com.retentiondesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Retention Desk: retention cases for telecom phone managers, each a BPMN process on the embedded
 * Camunda 7 engine, worked in Tasklist and watched in Cockpit.
 */
@SpringBootApplication
public class RetentionDeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(RetentionDeskApplication.class, args);
	}
}
