package com.retentiondesk.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.retentiondesk.web.AllowedGroups;
import com.retentiondesk.web.DeskGroups;

/**
 * {@code GET /api/admin/packages} and {@code PUT /api/admin/packages/{code}}: administrators read and
 * edit the package catalogue the package advice works with (a PUT of a new code adds a package).
 */
@RestController
@AllowedGroups(DeskGroups.ADMINS)
class PackageCatalogueController {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{1,32}");

	/** A package as the API shows and takes it. */
	record PackageView(String code, String name, BigDecimal monthlyMinimum, String nextTier, Boolean converged) {

		static PackageView of(UsagePackage p) {
			return new PackageView(p.getCode(), p.getName(), p.getMonthlyMinimum(), p.getNextTier(), p.isConverged());
		}
	}

	private final UsagePackages packages;
	private final Clock clock;

	PackageCatalogueController(UsagePackages packages, Clock clock) {
		this.packages = packages;
		this.clock = clock;
	}

	@GetMapping("/api/admin/packages")
	List<PackageView> list() {
		return packages.findAll().stream()
				.sorted(Comparator.comparing(UsagePackage::getMonthlyMinimum).thenComparing(UsagePackage::getCode))
				.map(PackageView::of).toList();
	}

	@PutMapping("/api/admin/packages/{code}")
	@Transactional
	PackageView put(@PathVariable String code, @RequestBody PackageView body) {
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("code: 套餐编码只能包含大写字母、数字和下划线(最多32位): '" + code + "'");
		}
		String name = body.name() == null ? "" : body.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			throw new IllegalArgumentException("name: 请填写套餐名称(最多100字)");
		}
		BigDecimal minimum = body.monthlyMinimum();
		if (minimum == null || minimum.signum() <= 0 || minimum.stripTrailingZeros().scale() > 2) {
			throw new IllegalArgumentException("monthlyMinimum: 月保底金额应为大于0、最多两位小数的金额, 收到 " + minimum);
		}
		String next = body.nextTier() == null || body.nextTier().isBlank() ? null : body.nextTier().strip();
		Map<String, UsagePackage> all = packages.findAll().stream()
				.collect(Collectors.toMap(UsagePackage::getCode, p -> p));
		if (next != null) {
			UsagePackage up = all.get(next);
			if (up == null) {
				throw new IllegalArgumentException("nextTier: 未知套餐 '" + next + "'");
			}
			if (up.getMonthlyMinimum().compareTo(minimum) <= 0) {
				throw new IllegalArgumentException("nextTier: 上一档套餐 " + next + " 的月保底 (" + up.getMonthlyMinimum()
						+ ") 应高于本套餐 (" + minimum + ")");
			}
			// the ladder must end: no package may lead back to this one
			Set<String> seen = new HashSet<>(Set.of(code));
			for (String step = next; step != null; step = all.containsKey(step) ? all.get(step).getNextTier() : null) {
				if (!seen.add(step)) {
					throw new IllegalArgumentException("nextTier: 套餐升档关系出现循环 (" + code + " → " + next + ")");
				}
			}
		}
		LocalDateTime now = LocalDateTime.now(clock);
		UsagePackage changed = all.get(code);
		boolean converged = Boolean.TRUE.equals(body.converged());
		if (changed == null) {
			changed = packages.save(new UsagePackage(code, name, minimum, next, converged, now));
		} else {
			changed.change(name, minimum, next, converged, now);
		}
		return PackageView.of(changed);
	}
}
