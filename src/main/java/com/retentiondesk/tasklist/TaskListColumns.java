package com.retentiondesk.tasklist;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The customer columns of a Tasklist list ({@link TaskListVariables#COLUMNS}: 客户, 服务号码, 星级) for the tasks of
 * the retention cases, read from the customer rows of the page's cases in one query when the page is shown
 * (issue 32): a case keeps no variables for them, which saved nine rows per case. A filter's HAL list
 * ({@code /filter/{id}/list}, on {@code /engine-rest} and on Tasklist's {@code /camunda/api/engine}) gets
 * them in each task's {@code _embedded.variable}, where Tasklist reads a filter's columns; a task that has
 * them as task variables (a survey's) keeps its own.
 */
final class TaskListColumns extends OncePerRequestFilter {

	private static final Pattern FILTER_LIST = Pattern
			.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/filter/[^/]+/list$");
	private static final String HAL = "application/hal+json";
	/** Process instances per query: a REST client may ask for a long page. */
	private static final int IN_LIST = 500;

	private final NamedParameterJdbcTemplate jdbc;
	private final ObjectMapper json = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

	TaskListColumns(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept == null || !accept.contains(HAL)
				|| !FILTER_LIST.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, answer);
			if (answer.getStatus() == HttpServletResponse.SC_OK
					&& json.readTree(answer.getContentAsByteArray()) instanceof ObjectNode list
					&& list.path("_embedded").path("task") instanceof ArrayNode tasks && withColumns(tasks)) {
				answer.resetBuffer();
				answer.getOutputStream().write(json.writeValueAsBytes(list));
			}
		} finally {
			answer.copyBodyToResponse();
		}
	}

	/** Adds the columns to the tasks of cases; whether any task got one. */
	private boolean withColumns(ArrayNode tasks) {
		List<String> instances = new ArrayList<>();
		tasks.forEach(task -> {
			if (task.path("processInstanceId").isTextual()) {
				instances.add(task.get("processInstanceId").asText());
			}
		});
		Map<String, Customer> customers = customersOf(instances);
		boolean changed = false;
		for (JsonNode task : tasks) {
			Customer customer = customers.get(task.path("processInstanceId").asText());
			if (customer == null || !(task instanceof ObjectNode taskNode)) {
				continue;
			}
			ObjectNode embedded = taskNode.path("_embedded") instanceof ObjectNode e ? e : taskNode.putObject("_embedded");
			ArrayNode variables = embedded.path("variable") instanceof ArrayNode v ? v : embedded.putArray("variable");
			List<String> present = new ArrayList<>();
			variables.forEach(variable -> present.add(variable.path("name").asText()));
			changed |= add(variables, present, "customerName", customer.name());
			changed |= add(variables, present, "serviceNo", customer.serviceNo());
			if (!present.contains("starLevel")) {
				ObjectNode stars = column(variables, "starLevel", "Integer");
				stars.put("value", customer.starLevel());
				changed = true;
			}
		}
		return changed;
	}

	private boolean add(ArrayNode variables, List<String> present, String name, String value) {
		if (present.contains(name) || value == null) {
			return false;
		}
		column(variables, name, "String").put("value", value);
		return true;
	}

	/** An entry shaped like the engine's HAL variable value (no link: it lives on the customer row). */
	private static ObjectNode column(ArrayNode variables, String name, String type) {
		ObjectNode variable = variables.addObject();
		variable.putObject("_links");
		variable.putNull("_embedded");
		variable.put("name", name);
		variable.put("type", type);
		variable.putObject("valueInfo");
		return variable;
	}

	private Map<String, Customer> customersOf(List<String> processInstanceIds) {
		Map<String, Customer> byInstance = new HashMap<>();
		for (int from = 0; from < processInstanceIds.size(); from += IN_LIST) {
			List<String> page = processInstanceIds.subList(from, Math.min(processInstanceIds.size(), from + IN_LIST));
			jdbc.query("select rc.process_instance_id, c.name, c.service_no, c.star_level from retention_case rc "
					+ "join customer c on c.customer_no = rc.customer_no where rc.process_instance_id in (:ids)",
					Map.of("ids", page), row -> {
						byInstance.put(row.getString(1), new Customer(row.getString(2), row.getString(3), row.getInt(4)));
					});
		}
		return byInstance;
	}

	private record Customer(String name, String serviceNo, int starLevel) {
	}

	@Configuration(proxyBeanMethods = false)
	static class Registration {

		@Bean
		FilterRegistrationBean<TaskListColumns> taskListColumns(NamedParameterJdbcTemplate jdbc) {
			FilterRegistrationBean<TaskListColumns> registration = new FilterRegistrationBean<>(new TaskListColumns(jdbc));
			registration.addUrlPatterns("/engine-rest/filter/*", "/camunda/api/engine/*");
			registration.setName("task-list-columns");
			return registration;
		}
	}
}
