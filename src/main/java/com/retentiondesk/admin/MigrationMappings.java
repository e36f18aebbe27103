package com.retentiondesk.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The explicit activity mappings for migrations, per process key: {@code "old id": "new id"} for
 * activities whose id changed between versions (equal ids are mapped without being listed). Read from
 * {@code desk.migration.mappings} (default {@code processes/migration-mappings.json}) at every call,
 * so an administrator's change needs no restart.
 */
@Component
class MigrationMappings {

	private final Resource file;
	private final ObjectMapper json = new ObjectMapper();

	MigrationMappings(@Value("${desk.migration.mappings:classpath:processes/migration-mappings.json}") Resource file) {
		this.file = file;
	}

	Map<String, String> forProcess(String processKey) {
		if (!file.exists()) {
			return Map.of();
		}
		try (InputStream in = file.getInputStream()) {
			Map<String, Object> all = json.readValue(in, new TypeReference<>() {
			});
			Object mappings = all.get(processKey);
			if (!(mappings instanceof Map<?, ?> map)) {
				return Map.of();
			}
			Map<String, String> result = new LinkedHashMap<>();
			map.forEach((from, to) -> result.put(String.valueOf(from), String.valueOf(to)));
			return result;
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read the migration mappings " + file, e);
		}
	}
}
