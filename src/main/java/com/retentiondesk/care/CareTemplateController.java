package com.retentiondesk.care;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;
import com.retentiondesk.web.DeskPrincipal;

/**
 * {@code POST /api/care/templates} {@code {"kind", "text", "validFrom", "validTo"}}: a care SMS text proposed
 * for approval (answers it with its id and state PROPOSED); {@code GET /api/care/templates?kind=&state=}: the
 * templates, newest first. Managers, 10000 (integration), supervisors and administrators.
 */
@RestController
@AllowedGroups({ DeskGroups.PHONE_MANAGERS, DeskGroups.INTEGRATION, DeskGroups.SUPERVISORS, DeskGroups.ADMINS })
class CareTemplateController {

	record Proposal(String kind, String text, LocalDate validFrom, LocalDate validTo) {
	}

	private final CareTemplates templates;

	CareTemplateController(CareTemplates templates) {
		this.templates = templates;
	}

	@PostMapping("/api/care/templates")
	@ResponseStatus(HttpStatus.CREATED)
	Map<String, Object> propose(@RequestBody Proposal proposal, HttpServletRequest request) {
		CareTemplate template = templates.propose(kind(proposal.kind()), proposal.text(), proposal.validFrom(),
				proposal.validTo(), DeskPrincipal.of(request).userId());
		return view(template);
	}

	@GetMapping("/api/care/templates")
	List<Map<String, Object>> list(@RequestParam(required = false) String kind,
			@RequestParam(required = false) String state) {
		return templates.list(kind(kind), state(state)).stream().map(CareTemplateController::view).toList();
	}

	private static CareKind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return CareKind.valueOf(kind.trim());
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("kind: 类型无效 '" + kind + "' (应为 WEEKEND、HOLIDAY、WEATHER 或 BIRTHDAY)");
		}
	}

	private static CareTemplate.State state(String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return CareTemplate.State.valueOf(state.trim());
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("state: 状态无效 '" + state + "' (应为 PROPOSED、APPROVED 或 REJECTED)");
		}
	}

	static Map<String, Object> view(CareTemplate t) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", t.getId());
		view.put("kind", t.getKind().name());
		view.put("kindLabel", t.getKind().label());
		view.put("text", t.getBody());
		view.put("validFrom", t.getValidFrom().toString());
		view.put("validTo", t.getValidTo().toString());
		view.put("state", t.getState().name());
		view.put("proposedBy", t.getProposedBy());
		view.put("proposedAt", text(t.getProposedAt()));
		view.put("decidedBy", t.getDecidedBy());
		view.put("decidedAt", text(t.getDecidedAt()));
		view.put("decisionNote", t.getDecisionNote());
		return view;
	}

	private static String text(LocalDateTime at) {
		return at == null ? null : at.toString();
	}
}
