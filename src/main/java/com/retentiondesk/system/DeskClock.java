package com.retentiondesk.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The desk's clock: the engine's clock ({@link ClockUtil}) in Asia/Shanghai, so that case rows,
 * contact logs and timers agree, also in tests that move the engine's time.
 */
final class DeskClock extends Clock {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final ZoneId zone;

	DeskClock(ZoneId zone) {
		this.zone = zone;
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new DeskClock(zone);
	}

	@Override
	public Instant instant() {
		return ClockUtil.now().toInstant();
	}
}
