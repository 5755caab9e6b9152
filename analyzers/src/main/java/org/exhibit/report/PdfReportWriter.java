package org.exhibit.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.exhibit.evidence.Report;
import org.exhibit.models.ModelStore;
import org.exhibit.models.ModelUnavailableException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The PDF rendering of the HTML report (openhtmltopdf over PDFBox), with Noto Sans SC embedded so that Chinese
 * prompts, watermark text and labels print. The font is a pinned artefact the build fetched (models registry).
 */
public final class PdfReportWriter {

    private PdfReportWriter() {
    }

    public static byte[] write(Report report) throws IOException {
        String html = HtmlReportWriter.render(report);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(ModelStore.path("font-noto-sans-sc").toFile(), HtmlReportWriter.FONT_FAMILY, 400,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(ModelStore.path("font-noto-sans-sc-bold").toFile(), HtmlReportWriter.FONT_FAMILY, 700,
                    PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (ModelUnavailableException e) {
            throw new IOException("cannot write PDF: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
