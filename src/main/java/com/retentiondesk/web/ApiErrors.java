package com.retentiondesk.web;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonMappingException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.server.ResponseStatusException;

/** Errors of the desk's {@code /api} as JSON {@code {status, message}}, with a message a person understands. */
@RestControllerAdvice(basePackages = "com.retentiondesk")
class ApiErrors {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	@ExceptionHandler(ResponseStatusException.class)
	ResponseEntity<Map<String, Object>> status(ResponseStatusException e) {
		return body(HttpStatus.valueOf(e.getStatusCode().value()), e.getReason());
	}

	@ExceptionHandler({ MissingServletRequestPartException.class, MissingServletRequestParameterException.class })
	ResponseEntity<Map<String, Object>> missing(Exception e) {
		return body(HttpStatus.BAD_REQUEST, "缺少参数: " + e.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
		if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = mapping.getPath().stream()
					.map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
					.collect(java.util.stream.Collectors.joining("."));
			return body(HttpStatus.BAD_REQUEST, field + ": 格式错误 (" + e.getMostSpecificCause().getMessage() + ")");
		}
		return body(HttpStatus.BAD_REQUEST, "请求格式错误: " + e.getMostSpecificCause().getMessage());
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<Map<String, Object>> tooLarge(MaxUploadSizeExceededException e) {
		return body(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大: " + e.getMessage());
	}

	@ExceptionHandler({ OptimisticLockingException.class, ConcurrencyFailureException.class })
	ResponseEntity<Map<String, Object>> conflict(RuntimeException e) {
		log.warn("API conflict after retries: {}", e.getMessage());
		return body(HttpStatus.CONFLICT, ConcurrentUpdateRetry.CONFLICT_MESSAGE);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, Object>> badInput(IllegalArgumentException e) {
		return body(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message) {
		if (status.is5xxServerError()) {
			log.error("API error {}: {}", status.value(), message);
		}
		return ResponseEntity.status(status).body(Map.of("status", status.value(), "message", String.valueOf(message)));
	}
}
