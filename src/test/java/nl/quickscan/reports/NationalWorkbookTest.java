package nl.quickscan.reports;

import nl.quickscan.scans.Rounds;
import nl.quickscan.support.Scans;
import nl.quickscan.support.TestApp;
import nl.quickscan.surveys.Survey;
import nl.quickscan.surveys.SurveyCatalog;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The beheerder's national workbook holds every regio's rounds, named, with statistics over all of them. */
class NationalWorkbookTest {

    @Test
    void theNationalWorkbookHoldsEveryRoundOfEveryRegio() throws Exception {
        TestApp app = TestApp.withSettings(java.util.Map.of());
        try {
            Survey survey = app.bean(SurveyCatalog.class).find("quickscan-seksueel-geweld", 1).orElseThrow();
            long groningen = Rounds.open(app, "coordinator.groningen@quickscan.test");
            long drenthe = Rounds.open(app, "coordinator.drenthe@quickscan.test");
            Scans.submitAll(app, survey, groningen, "GM0014", "3");
            Scans.submitAll(app, survey, groningen, "GM1979", "1");
            Scans.submitAll(app, survey, drenthe, "GM0106", "0");

            HttpResponse<byte[]> xlsx = app.api().login("beheerder@quickscan.test", TestApp.DEMO_PASSWORD)
                    .download("/api/v1/benchmark/national.xlsx");
            assertEquals(200, xlsx.statusCode());
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
                XSSFSheet scores = workbook.getSheet("Scores");
                assertEquals(10 + 12, scores.getLastRowNum(), "every gemeente of both regio's");
                assertTrue(rowOf(scores, "GM0106").getCell(8).getStringCellValue().startsWith("Nulmeting"), "round named");
                assertEquals(3 * survey.scoredQuestionCount(), workbook.getSheet("Antwoorden").getLastRowNum());
                Row total = workbook.getSheet("Statistiek").getRow(5);
                assertEquals("Totaal", total.getCell(0).getStringCellValue());
                assertEquals(3, (int) total.getCell(1).getNumericCellValue(), "statistics over all submitted scans");
                // (100 + 33,33 + 0) / 3 = 44,44
                assertEquals((100 + 100.0 / 3) / 3, total.getCell(2).getNumericCellValue(), 1e-9);
            }
        } finally {
            app.stop();
        }
    }

    private static Row rowOf(XSSFSheet sheet, String cbsCode) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && cbsCode.equals(row.getCell(1).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError(cbsCode);
    }
}
