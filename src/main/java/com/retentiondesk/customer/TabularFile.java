package com.retentiondesk.customer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of a CSV (UTF-8, with or without BOM) or Excel .xlsx file one by one, streaming, so
 * a list of 100k rows never sits in memory as a whole. Only the first sheet of a workbook is read.
 */
public final class TabularFile {

	/** Receives the rows of a file in order; line numbers count the header as line 1. */
	public interface RowHandler {
		void row(int line, List<String> cells);
	}

	/** The file cannot be read at all (wrong type, broken workbook, not UTF-8). */
	public static final class UnreadableFileException extends IllegalArgumentException {
		UnreadableFileException(String message, Throwable cause) {
			super(message, cause);
		}
	}

	private TabularFile() {
	}

	public static void read(String filename, InputStream in, RowHandler handler) throws IOException {
		String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
		if (name.endsWith(".xlsx")) {
			readXlsx(in, handler);
		} else if (name.endsWith(".csv") || name.endsWith(".txt")) {
			readCsv(in, handler);
		} else {
			throw new UnreadableFileException(
					"不支持的文件类型 '" + filename + "': 请上传 UTF-8 编码的 .csv 或 Excel .xlsx 文件", null);
		}
	}

	/**
	 * Counts the data rows (the header not counted) of a file, stopping once more than {@code atMost}:
	 * whether a list is long enough to run in the background. Errors as {@link #read}.
	 */
	public static int countRows(String filename, InputStream in, int atMost) throws IOException {
		int[] rows = { -1 };
		try {
			read(filename, in, (line, cells) -> {
				if (++rows[0] > atMost) {
					throw new EnoughRows();
				}
			});
		} catch (EnoughRows enough) {
			// more than atMost: that is all the caller wants to know
		}
		return Math.max(0, rows[0]);
	}

	private static final class EnoughRows extends RuntimeException {
		EnoughRows() {
			super(null, null, false, false);
		}
	}

	private static void readCsv(InputStream in, RowHandler handler) throws IOException {
		// strict UTF-8: a GBK export must be refused, not imported as mojibake
		Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(),
				StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT));
		CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			int line = 0;
			for (CSVRecord record : parser) {
				line++;
				List<String> cells = record.toList();
				if (cells.stream().allMatch(String::isBlank)) {
					continue;
				}
				handler.row(line, cells);
			}
		} catch (CharacterCodingException | java.io.UncheckedIOException e) {
			if (e instanceof java.io.UncheckedIOException u && !(u.getCause() instanceof CharacterCodingException)) {
				throw new UnreadableFileException("CSV 文件格式错误: " + u.getCause().getMessage(), u);
			}
			throw new UnreadableFileException("CSV 文件不是 UTF-8 编码: 请在 Excel 中另存为“CSV UTF-8”", e);
		}
	}

	private static void readXlsx(InputStream in, RowHandler handler) throws IOException {
		try (OPCPackage pkg = OPCPackage.open(in)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new UnreadableFileException("Excel 文件中没有工作表", null);
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = XMLHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
						new SheetRows(handler), new IsoDateFormatter(), false));
				parser.parse(new InputSource(sheet));
			}
		} catch (OpenXML4JException | SAXException | ParserConfigurationException | org.apache.poi.ooxml.POIXMLException
				| org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException e) {
			throw new UnreadableFileException("无法读取 Excel 文件(需要 .xlsx 格式): " + e.getMessage(), e);
		} catch (IOException e) {
			// POI's zip-bomb check (a sheet that would inflate hundreds of times) and broken zip streams
			// end here; the upload itself is already on disk, so this is the file's fault
			throw new UnreadableFileException("无法读取 Excel 文件:压缩内容异常(解压后过大或已损坏),请重新导出为 .xlsx", e);
		}
	}

	/** Collects the cells of each sheet row, keeping empty cells in their place. */
	private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final RowHandler handler;
		private List<String> cells;

		SheetRows(RowHandler handler) {
			this.handler = handler;
		}

		@Override
		public void startRow(int rowNum) {
			cells = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
				handler.row(rowNum + 1, cells);
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			int column = new org.apache.poi.ss.util.CellReference(reference).getCol();
			while (cells.size() < column) {
				cells.add("");
			}
			cells.add(value);
		}
	}

	/** Shows date cells as yyyy-MM-dd whatever their Excel format, and numbers without grouping. */
	private static final class IsoDateFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return DateUtil.getLocalDateTime(value).toLocalDate().toString();
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}
	}
}
