package com.retentiondesk.kpi;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import com.retentiondesk.casework.CaseType;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import com.retentiondesk.casework.CaseOutcome;

/**
 * The weekly and monthly reports (周报/月报) as .xlsx: a summary sheet, one sheet per case type (its
 * figures, then every case closed in the period) and one per phone manager (their figures, then every
 * call). The figures are those of {@link Kpis}, so the workbook and the dashboard always agree.
 * Written with POI's streaming workbook: a month of many thousand rows stays small in memory.
 */
@Service
public class Reports {

	private final Kpis kpis;
	private final NamedParameterJdbcTemplate jdbc;

	Reports(Kpis kpis, NamedParameterJdbcTemplate jdbc) {
		this.kpis = kpis;
		this.jdbc = jdbc;
	}

	public void write(String title, LocalDate from, LocalDate to, String team, OutputStream out) throws IOException {
		write(title, kpis.report(from, to, team), null, out);
	}

	/**
	 * The workbook of a report already computed; with {@code dueNext} (a daily report), a sheet 明日到期 lists the
	 * tasks due the next day.
	 */
	void write(String title, KpiReport report, List<Kpis.DueTask> dueNext, OutputStream out) throws IOException {
		LocalDate from = report.from();
		LocalDate to = report.to();
		List<String> managerIds = report.managers().stream().map(KpiReport.ManagerFigures::managerId).toList();
		MapSqlParameterSource period = new MapSqlParameterSource()
				.addValue("from", Timestamp.valueOf(from.atStartOfDay()))
				.addValue("until", Timestamp.valueOf(to.plusDays(1).atStartOfDay()));
		// the analysis sheet (with its chart) is written the ordinary way first: the streaming sheets come after it
		XSSFWorkbook template = new XSSFWorkbook();
		analysis(template, report, managerIds);
		try (SXSSFWorkbook book = new SXSSFWorkbook(template, 200)) {
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			summary(book.createSheet("汇总"), title, report, bold);
			for (KpiReport.CaseTypeFigures type : report.caseTypes()) {
				Sheet sheet = book.createSheet(type.label());
				int row = figures(sheet, 0, bold, type.label() + " " + from + " 至 " + to, new Object[][] {
						{ "新开", type.opened() }, { "未结(当前)", type.openNow() }, { "已结", type.closed() },
						{ "保有率", type.retentionRate() }, { "首次联系(小时,中位数)", type.medianHoursToFirstContact() } });
				for (CaseOutcome outcome : CaseOutcome.values()) {
					line(sheet, row++, "结案: " + outcome.name(), type.outcomes().getOrDefault(outcome.name(), 0L));
				}
				header(sheet, ++row, bold, "客户编号", "电话经理", "开案时间", "结案时间", "结果", "原因");
				int[] next = { row + 1 };
				// a team's (or a manager's) workbook lists its own managers' cases only
				jdbc.query("select customer_no, manager_id, opened_at, closed_at, outcome, outcome_reason from retention_case "
						+ "where case_type = :type and closed_at >= :from and closed_at < :until"
						+ (report.team() == null ? "" : " and manager_id in (:managers)") + " order by closed_at",
						new MapSqlParameterSource(period.getValues()).addValue("type", type.caseType())
								.addValue("managers", managerIds.isEmpty() ? List.of("-") : managerIds), rs -> {
							line(sheet, next[0]++, rs.getString(1), rs.getString(2), rs.getTimestamp(3).toLocalDateTime(),
									rs.getTimestamp(4).toLocalDateTime(), rs.getString(5), rs.getString(6));
						});
			}
			for (KpiReport.ManagerFigures manager : report.managers()) {
				Sheet sheet = book.createSheet(safeName(manager.name() + " " + manager.managerId()));
				int row = figures(sheet, 0, bold, manager.name() + " (" + manager.managerId() + ") " + from + " 至 " + to,
						new Object[][] { { "外呼", manager.calls() }, { "接通", manager.reached() },
								{ "接通率", manager.connectionRate() }, { "结案", manager.closed() },
								{ "按时完成", manager.tasksOnTime() },
								{ "逾期完成", manager.tasksLate() }, { "未完成任务", manager.openTasks() },
								{ "已逾期", manager.overdueTasks() }, { "来电:经理接听", manager.inbound().taken() },
								{ "来电:前台接听后已回电", manager.inbound().calledBack() },
								{ "来电:前台接听未回电", manager.inbound().missed() },
								{ "满意度回访(份)", manager.survey().responses() },
								{ "满意度平均分(1-5)", manager.survey().averageScore() },
								{ "普1客户(资料)", manager.profile().tier1Customers() },
								{ "资料完备率(目标80%)", manager.profile().completeness() },
								{ "资料真实性(已核实,目标100%)", manager.profile().verifiedRate() } });
				header(sheet, ++row, bold, "时间", "客户编号", "方式", "结果", "备注");
				int[] next = { row + 1 };
				jdbc.query("select attempted_at, customer_no, channel, outcome, notes from contact_attempt "
						+ "where manager_id = :manager and attempted_at >= :from and attempted_at < :until order by attempted_at",
						new MapSqlParameterSource(period.getValues()).addValue("manager", manager.managerId()), rs -> {
							line(sheet, next[0]++, rs.getTimestamp(1).toLocalDateTime(), rs.getString(2), rs.getString(3),
									rs.getString(4), rs.getString(5));
						});
			}
			if (dueNext != null) {
				Sheet sheet = book.createSheet("明日到期");
				header(sheet, 0, bold, "任务", "客户编号", "处理人", "到期时间");
				int row = 1;
				for (Kpis.DueTask task : dueNext) {
					line(sheet, row++, task.taskName(), task.customerNo(), task.assigneeName(), task.due());
				}
			}
			book.setSheetOrder(ANALYSIS, book.getNumberOfSheets() - 1);
			book.write(out);
			book.dispose();
		}
	}

	static final String ANALYSIS = "分析";

	/**
	 * 分析 (issue 30, point 4): per manager the month's plan against what was done (a planned item is done when its
	 * customer was contacted in the month), inbound against outbound calls, and the retention rate per case type in
	 * the 6 months up to the report's last day, as a table and a line chart.
	 */
	private void analysis(XSSFWorkbook book, KpiReport report, List<String> managerIds) {
		XSSFSheet sheet = book.createSheet(ANALYSIS);
		CellStyle bold = book.createCellStyle();
		org.apache.poi.ss.usermodel.Font font = book.createFont();
		font.setBold(true);
		bold.setFont(font);
		YearMonth month = YearMonth.from(report.from());
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("month", month.toString())
				.addValue("from", Timestamp.valueOf(month.atDay(1).atStartOfDay()))
				.addValue("until", Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay()))
				.addValue("managers", managerIds.isEmpty() ? List.of("-") : managerIds);
		Map<String, long[]> plans = new HashMap<>();
		jdbc.query("select p.manager_id, count(*), sum(case when exists (select 1 from contact_attempt a where "
				+ "a.customer_no = i.customer_no and a.attempted_at >= :from and a.attempted_at < :until) then 1 else 0 end) "
				+ "from work_plan p join work_plan_item i on i.plan_id = p.id where p.plan_month = :month "
				+ "and i.removed = 0 and p.manager_id in (:managers) group by p.manager_id", params, rs -> {
					plans.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
				});
		int row = 0;
		Cell heading = sheet.createRow(row++).createCell(0);
		heading.setCellValue("分析 " + report.from() + " 至 " + report.to());
		heading.setCellStyle(bold);
		header(sheet, ++row, bold, "电话经理", month + " 计划项", "已完成", "计划完成率", "外呼", "呼入(来电)", "呼入:外呼");
		for (KpiReport.ManagerFigures manager : report.managers()) {
			long[] plan = plans.getOrDefault(manager.managerId(), new long[2]);
			long inbound = manager.inbound().taken() + manager.inbound().calledBack() + manager.inbound().missed();
			line(sheet, ++row, manager.name(), plan[0], plan[1], Kpis.ratio(plan[1], plan[0]), manager.calls(), inbound,
					Kpis.ratio(inbound, manager.calls()));
		}
		row += 2;
		List<YearMonth> months = new ArrayList<>();
		YearMonth last = YearMonth.from(report.to());
		for (int i = 5; i >= 0; i--) {
			months.add(last.minusMonths(i));
		}
		Map<String, Double[]> retention = retentionByMonth(months, report.team() == null ? null : managerIds);
		Cell title = sheet.createRow(row++).createCell(0);
		title.setCellValue("近6个月保有率(按案件类型, 按结案月份)");
		title.setCellStyle(bold);
		int monthsRow = row;
		List<Object> head = new ArrayList<>(List.of("案件类型"));
		months.forEach(m -> head.add(m.toString()));
		header(sheet, row++, bold, head.stream().map(Object::toString).toArray(String[]::new));
		int firstSeries = row;
		for (CaseType type : CaseType.values()) {
			Double[] rates = retention.get(type.name());
			if (rates != null) {
				List<Object> cells = new ArrayList<>(List.of(type.label()));
				cells.addAll(Arrays.asList(rates));
				line(sheet, row++, cells.toArray());
			}
		}
		if (row == firstSeries) {
			line(sheet, row, "近6个月没有结案");
			return;
		}
		XSSFDrawing drawing = sheet.createDrawingPatriarch();
		XSSFChart chart = drawing.createChart(drawing.createAnchor(0, 0, 0, 0, 0, row + 1, 9, row + 21));
		chart.setTitleText("近6个月保有率(按案件类型)");
		chart.setTitleOverlay(false);
		XDDFCategoryAxis bottom = chart.createCategoryAxis(AxisPosition.BOTTOM);
		XDDFValueAxis left = chart.createValueAxis(AxisPosition.LEFT);
		left.setMinimum(0);
		left.setMaximum(1);
		left.setCrosses(AxisCrosses.AUTO_ZERO);
		XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, bottom, left);
		XDDFCategoryDataSource categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
				new CellRangeAddress(monthsRow, monthsRow, 1, months.size()));
		for (int r = firstSeries; r < row; r++) {
			XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
					new CellRangeAddress(r, r, 1, months.size()));
			XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(categories, values);
			series.setTitle(sheet.getRow(r).getCell(0).getStringCellValue(),
					new CellReference(sheet.getSheetName(), r, 0, true, true));
			series.setMarkerStyle(MarkerStyle.CIRCLE);
		}
		chart.plot(data);
		chart.getOrAddLegend().setPosition(LegendPosition.RIGHT);
	}

	/** Per case type, the retention rate of the cases closed in each month (null: none closed). */
	private Map<String, Double[]> retentionByMonth(List<YearMonth> months, List<String> managers) {
		String kept = Kpis.KEPT.stream().map(o -> "k." + KpiLedger.closedColumn(o)).collect(Collectors.joining(" + "));
		String closed = Arrays.stream(CaseOutcome.values()).map(o -> "k." + KpiLedger.closedColumn(o))
				.collect(Collectors.joining(" + "));
		MapSqlParameterSource params = new MapSqlParameterSource()
				.addValue("from", java.sql.Date.valueOf(months.get(0).atDay(1)))
				.addValue("until", java.sql.Date.valueOf(months.get(months.size() - 1).plusMonths(1).atDay(1)))
				.addValue("all", managers == null ? 1 : 0)
				.addValue("managers", managers == null || managers.isEmpty() ? List.of("-") : managers);
		Map<String, long[][]> sums = new HashMap<>();
		jdbc.query("select k.on_day, k.case_type, sum(" + kept + "), sum(" + closed + ") from kpi_case_day k "
				+ "where k.on_day >= :from and k.on_day < :until and (:all = 1 or k.manager_id in (:managers)) "
				+ "group by k.on_day, k.case_type", params, rs -> {
					int index = months.indexOf(YearMonth.from(rs.getDate(1).toLocalDate()));
					if (index >= 0 && rs.getLong(4) > 0) {
						long[][] perMonth = sums.computeIfAbsent(rs.getString(2), t -> new long[months.size()][2]);
						perMonth[index][0] += rs.getLong(3);
						perMonth[index][1] += rs.getLong(4);
					}
				});
		Map<String, Double[]> rates = new HashMap<>();
		sums.forEach((type, perMonth) -> {
			Double[] values = new Double[months.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = Kpis.ratio(perMonth[i][0], perMonth[i][1]);
			}
			rates.put(type, values);
		});
		return rates;
	}

	private void summary(Sheet sheet, String title, KpiReport report, CellStyle bold) {
		int row = 0;
		Cell heading = sheet.createRow(row++).createCell(0);
		heading.setCellValue(title + " " + report.from() + " 至 " + report.to()
				+ (report.team() == null ? " 全部班组" : " 班组 " + report.team()));
		heading.setCellStyle(bold);
		header(sheet, ++row, bold, "案件类型", "新开", "未结", "已结", "保有率");
		for (KpiReport.CaseTypeFigures type : report.caseTypes()) {
			line(sheet, ++row, type.label(), type.opened(), type.openNow(), type.closed(), type.retentionRate());
		}
		row += 2;
		line(sheet, row++, "开案时欠费", report.arrears().amountOwed());
		line(sheet, row++, "已回收", report.arrears().amountRecovered());
		line(sheet, row++, "回收率", report.arrears().recoveryRate());
		row++;
		KpiReport.ProfileFigures profile = report.profile();
		header(sheet, row++, bold, "用户资料(CDMA普1, 当前)", "客户数", "完备率", "目标", "真实性(已核实)", "目标");
		line(sheet, row, "五项基本资料", profile.tier1Customers(), profile.completeness(), profile.completenessTarget(),
				profile.verifiedRate(), profile.verifiedRateTarget());
	}

	private int figures(Sheet sheet, int start, CellStyle bold, String title, Object[][] figures) {
		Cell heading = sheet.createRow(start).createCell(0);
		heading.setCellValue(title);
		heading.setCellStyle(bold);
		int row = start + 1;
		for (Object[] figure : figures) {
			line(sheet, row++, figure);
		}
		return row;
	}

	private static void header(Sheet sheet, int rowIndex, CellStyle bold, String... names) {
		Row row = sheet.createRow(rowIndex);
		for (int i = 0; i < names.length; i++) {
			Cell cell = row.createCell(i);
			cell.setCellValue(names[i]);
			cell.setCellStyle(bold);
		}
	}

	private static void line(Sheet sheet, int rowIndex, Object... values) {
		Row row = sheet.createRow(rowIndex);
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			Cell cell = row.createCell(i);
			if (value instanceof Number number) {
				cell.setCellValue(number.doubleValue());
			} else if (value != null) {
				cell.setCellValue(value.toString().replace('T', ' '));
			}
		}
	}

	/** Excel sheet names: at most 31 characters, none of []:*?/\ . */
	private static String safeName(String name) {
		String cleaned = name.replaceAll("[\\[\\]:*?/\\\\]", "_");
		return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
	}
}
