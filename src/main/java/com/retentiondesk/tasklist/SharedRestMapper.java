package com.retentiondesk.tasklist;

import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON mapper for the engine's REST API ({@code /engine-rest}) and the webapps' copy of it
 * ({@code /camunda/api/engine}, Tasklist's), configured as the engine's {@link JacksonConfigurator} configures
 * one (its date format, unknown properties ignored, dates as text, java.time).
 * <p>
 * The engine's configurator makes a <em>new</em> mapper every time it is asked, and it is asked for every
 * request body read and every answer written. A new mapper has no serializers or deserializers yet, so each
 * of Tasklist's calls built them again by reflection: the filter's query object when its body is read, and
 * the HAL page when it is written. That was about an eighth of the desk's CPU on Tasklist's filter pages
 * (JFR, 2026-12-05). A mapper is safe to share once configured; Jackson copies the date format per use.
 * <p>
 * Registered with every Jersey application of the desk through Jersey's auto-discovery
 * ({@code META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable}). Jersey asks the resolvers of a
 * type in the order of their priority, highest first; the engine's configurator has none, so the default
 * ({@code Priorities.USER}), and this one is above it. Without the priority the order followed the order the
 * classes were registered in, which changes from one start to the next (the engine's are in a hash set): this
 * resolver went unasked on about two starts in five. It also names JSON and HAL, the types the engine asks for.
 */
@Provider
@Priority(Priorities.USER + 1000)
@Produces({ MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON })
public class SharedRestMapper implements ContextResolver<ObjectMapper> {

	/** Times a mapper was handed out (the tests check that Jersey asks this resolver). */
	private static final AtomicLong SERVED = new AtomicLong();
	private static volatile ObjectMapper mapper;

	@Override
	public ObjectMapper getContext(Class<?> type) {
		SERVED.incrementAndGet();
		ObjectMapper shared = mapper;
		if (shared == null) {
			synchronized (SharedRestMapper.class) {
				shared = mapper;
				if (shared == null) {
					// made on first use, after the starter has set the engine's date format
					shared = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
					mapper = shared;
				}
			}
		}
		return shared;
	}

	static long served() {
		return SERVED.get();
	}

	/** Adds the resolver to each Jersey application as it starts (the engine's REST API and the webapps'). */
	public static final class Registration implements AutoDiscoverable {

		@Override
		public void configure(FeatureContext context) {
			if (!context.getConfiguration().isRegistered(SharedRestMapper.class)) {
				context.register(SharedRestMapper.class);
			}
		}
	}
}
