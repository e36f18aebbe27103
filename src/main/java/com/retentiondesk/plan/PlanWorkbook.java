package com.retentiondesk.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.retentiondesk.customer.TabularFile;

/**
 * The plan as the manager edits it in Excel: a first sheet 工作计划 with one row per customer and planned item
 * (客户编号, 客户姓名, 服务号码, 工作项, 说明, 备注) and a sheet 填写说明 that says how to edit it; and the same
 * sheet read back from an upload (.xlsx, or a CSV with the same header), by column name.
 */
final class PlanWorkbook {

	static final String SHEET = "工作计划";
	static final String CUSTOMER_NO = "客户编号";
	static final String NAME = "客户姓名";
	static final String SERVICE_NO = "服务号码";
	static final String KIND = "工作项";
	static final String DETAIL = "说明";
	static final String NOTE = "备注";
	static final List<String> COLUMNS = List.of(CUSTOMER_NO, NAME, SERVICE_NO, KIND, DETAIL, NOTE);

	/** A row of the plan as shown. */
	record Line(String customerNo, String name, String serviceNo, PlanItemKind kind, String detail, String note) {
	}

	/** A row of an uploaded plan, with its line number (the header is line 1). */
	record Uploaded(int line, String customerNo, String kind, String detail, String note) {
	}

	private PlanWorkbook() {
	}

	static void write(String title, List<Line> lines, OutputStream out) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet sheet = book.createSheet(SHEET);
			Row header = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				header.createCell(i).setCellValue(COLUMNS.get(i));
				header.getCell(i).setCellStyle(bold);
			}
			int r = 1;
			for (Line line : lines) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(line.customerNo());
				row.createCell(1).setCellValue(line.name() == null ? "" : line.name());
				row.createCell(2).setCellValue(line.serviceNo() == null ? "" : line.serviceNo());
				row.createCell(3).setCellValue(line.kind().label());
				row.createCell(4).setCellValue(line.detail() == null ? "" : line.detail());
				row.createCell(5).setCellValue(line.note() == null ? "" : line.note());
			}
			int[] widths = { 14, 12, 14, 14, 36, 40 };
			for (int i = 0; i < widths.length; i++) {
				sheet.setColumnWidth(i, widths[i] * 256);
			}
			sheet.createFreezePane(0, 1);
			Sheet help = book.createSheet("填写说明");
			String[] text = { title, "", "· 每行是对一位客户的一项计划工作;删除整行表示本月不做该项。",
					"· 新增一行:填写“客户编号”和“工作项”(" + String.join("、", labels()) + "),可在“备注”写计划安排。",
					"· “备注”列可写计划(如联系时间、推荐方案);客户姓名、服务号码和说明仅供参考,修改不会保存。",
					"· 编辑后上传: PUT /api/plans/{月份}?manager={工号}(表单字段 file),提交后主管审阅。" };
			for (int i = 0; i < text.length; i++) {
				help.createRow(i).createCell(0).setCellValue(text[i]);
			}
			help.setColumnWidth(0, 100 * 256);
			book.write(out);
		}
	}

	private static List<String> labels() {
		return java.util.Arrays.stream(PlanItemKind.values()).map(PlanItemKind::label).toList();
	}

	/**
	 * @throws IllegalArgumentException in Chinese when the file cannot be read or lacks the column 客户编号
	 */
	static List<Uploaded> read(String filename, InputStream in) throws IOException {
		List<Uploaded> rows = new ArrayList<>();
		Map<String, Integer> columns = new HashMap<>();
		TabularFile.read(filename, in, (line, cells) -> {
			if (line == 1) {
				for (int i = 0; i < cells.size(); i++) {
					columns.putIfAbsent(cells.get(i).strip(), i);
				}
				if (!columns.containsKey(CUSTOMER_NO)) {
					throw new IllegalArgumentException("file: 第1行缺少“" + CUSTOMER_NO + "”列(请上传下载的工作计划并保留表头)");
				}
				return;
			}
			String customerNo = cell(cells, columns.get(CUSTOMER_NO));
			if (customerNo == null) {
				return;
			}
			rows.add(new Uploaded(line, customerNo, cell(cells, columns.get(KIND)), cell(cells, columns.get(DETAIL)),
					cell(cells, columns.get(NOTE))));
		});
		return rows;
	}

	private static String cell(List<String> cells, Integer index) {
		if (index == null || index >= cells.size()) {
			return null;
		}
		String value = cells.get(index);
		return value == null || value.isBlank() ? null : value.strip();
	}
}
