package nl.quickscan.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * The content of an embedded OpenDocument bar chart: categories and series are cell ranges of the sheet, so the
 * chart shows the sheet's own figures; each series has an explicit fill and both axes a title.
 */
final class OdsChart {

    static final String WIDTH = "22cm";
    static final String HEIGHT = "9cm";

    private OdsChart() {
    }

    /** The cells the chart reads: header row and data rows of its category and series columns. */
    static String dataRange(Spreadsheet.Sheet sheet, Spreadsheet.Chart chart) {
        List<String> ranges = new ArrayList<>();
        ranges.add(column(sheet, chart.categoryColumn(), chart, sheet.headerRow()));
        chart.seriesColumns().forEach(c -> ranges.add(column(sheet, c, chart, sheet.headerRow())));
        return String.join(" ", ranges);
    }

    private static String column(Spreadsheet.Sheet sheet, int column, Spreadsheet.Chart chart, int from) {
        return OdsWriter.address(sheet, column, from) + ":" + OdsWriter.address(sheet, column, sheet.headerRow() + chart.rows());
    }

    static String content(Spreadsheet.Sheet sheet, Spreadsheet.Chart chart) {
        StringBuilder styles = new StringBuilder();
        StringBuilder series = new StringBuilder();
        int count = chart.seriesColumns().size();
        for (int s = 0; s < count; s++) {
            int column = chart.seriesColumns().get(s);
            String colour = XlsxWriter.SERIES_COLOURS.get(XlsxWriter.SERIES_COLOURS.size() - count + s);
            styles.append("<style:style style:name=\"series").append(s).append("\" style:family=\"chart\">")
                    .append("<style:graphic-properties draw:fill=\"solid\" draw:fill-color=\"#").append(colour)
                    .append("\" svg:stroke-color=\"#").append(colour).append("\"/></style:style>");
            series.append("<chart:series chart:class=\"chart:bar\" chart:style-name=\"series").append(s)
                    .append("\" chart:values-cell-range-address=\"")
                    .append(OdsWriter.xml(column(sheet, column, chart, sheet.headerRow() + 1)))
                    .append("\" chart:label-cell-address=\"").append(OdsWriter.xml(OdsWriter.address(sheet, column, sheet.headerRow())))
                    .append("\"/>");
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<office:document-content xmlns:office=\"" + OdsWriter.OFFICE + "\" xmlns:style=\"" + OdsWriter.STYLE
                + "\" xmlns:text=\"" + OdsWriter.TEXT + "\" xmlns:table=\"" + OdsWriter.TABLE + "\" xmlns:draw=\""
                + OdsWriter.DRAW + "\" xmlns:fo=\"" + OdsWriter.FO + "\" xmlns:svg=\"" + OdsWriter.SVG
                + "\" xmlns:number=\"" + OdsWriter.NUMBER + "\" xmlns:chart=\"" + OdsWriter.CHART + "\" xmlns:xlink=\"" + OdsWriter.XLINK + "\" office:version=\"1.2\">"
                + "<office:automatic-styles>"
                + "<style:style style:name=\"chart\" style:family=\"chart\"><style:graphic-properties draw:stroke=\"none\"/></style:style>"
                + "<style:style style:name=\"wall\" style:family=\"chart\"><style:graphic-properties draw:fill=\"none\"/></style:style>"
                + "<style:style style:name=\"plot\" style:family=\"chart\"><style:chart-properties chart:vertical=\"false\""
                + " chart:lines-used=\"0\"/></style:style>"
                + "<number:number-style style:name=\"whole\"><number:number number:decimal-places=\"0\""
                + " number:min-integer-digits=\"1\"/></number:number-style>"
                + "<style:style style:name=\"yaxis\" style:family=\"chart\" style:data-style-name=\"whole\">"
                + "<style:chart-properties chart:link-data-style-to-source=\"false\" chart:minimum=\"0\""
                + " chart:maximum=\"100\" chart:interval-major=\"10\" chart:display-label=\"true\"/></style:style>"
                + "<style:style style:name=\"xaxis\" style:family=\"chart\"><style:chart-properties chart:display-label=\"true\""
                + " chart:text-overlap=\"false\" chart:line-break=\"true\" style:rotation-angle=\"0\"/></style:style>"
                + styles
                + "</office:automatic-styles><office:body><office:chart>"
                + "<chart:chart chart:class=\"chart:bar\" svg:width=\"" + WIDTH + "\" svg:height=\"" + HEIGHT
                + "\" chart:style-name=\"chart\">"
                + "<chart:title><text:p>" + OdsWriter.xml(chart.title()) + "</text:p></chart:title>"
                + "<chart:legend chart:legend-position=\"bottom\"/>"
                + "<chart:plot-area chart:style-name=\"plot\" chart:data-source-has-labels=\"both\" table:cell-range-address=\""
                + OdsWriter.xml(dataRange(sheet, chart)) + "\">"
                + "<chart:axis chart:dimension=\"x\" chart:name=\"primary-x\" chart:style-name=\"xaxis\">"
                + "<chart:title><text:p>" + OdsWriter.xml(chart.categoryAxis()) + "</text:p></chart:title>"
                + "<chart:categories table:cell-range-address=\""
                + OdsWriter.xml(column(sheet, chart.categoryColumn(), chart, sheet.headerRow() + 1)) + "\"/></chart:axis>"
                + "<chart:axis chart:dimension=\"y\" chart:name=\"primary-y\" chart:style-name=\"yaxis\">"
                + "<chart:title><text:p>" + OdsWriter.xml(chart.valueAxis()) + "</text:p></chart:title>"
                + "<chart:grid chart:class=\"major\"/></chart:axis>"
                + series
                + "<chart:wall chart:style-name=\"wall\"/>"
                + "</chart:plot-area></chart:chart></office:chart></office:body></office:document-content>";
    }
}
