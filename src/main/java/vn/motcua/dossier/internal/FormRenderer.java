package vn.motcua.dossier.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import vn.motcua.dossier.Dossier;
import vn.motcua.rules.RuleSetService;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the legal forms: a Thymeleaf (X)HTML template per form, in the province's forms folder
 * ({@code motcua.forms.dir}, default {@code ./forms}) when it has one, else the built-in template under
 * {@code templates/forms/}; then to PDF with openhtmltopdf on Apache PDFBox, with the DejaVu fonts (every
 * Vietnamese letter) embedded. A province adapts a form by copying a template into its folder and editing it.
 */
@Component
public class FormRenderer implements vn.motcua.dossier.PdfForms {
    private static final String[][] FONTS = {
            {"DejaVuSerif.ttf", "400", "NORMAL"}, {"DejaVuSerif-Bold.ttf", "700", "NORMAL"},
            {"DejaVuSerif-Italic.ttf", "400", "ITALIC"}, {"DejaVuSerif-BoldItalic.ttf", "700", "ITALIC"}};
    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final byte[][] fonts = new byte[FONTS.length][];
    /** The fonts parsed, per thread (a parsed font is not shared across threads while documents subset it). */
    private final ThreadLocal<TrueTypeFont[]> parsedFonts = ThreadLocal.withInitial(() -> {
        TrueTypeFont[] parsed = new TrueTypeFont[FONTS.length];
        for (int i = 0; i < FONTS.length; i++) {
            try {
                parsed[i] = new TTFParser().parse(new RandomAccessReadBuffer(fonts[i]));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parsed;
    });

    static {
        // openhtmltopdf logs every rendering step at INFO on its own loggers; keep its warnings only
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers().forEach(l -> com.openhtmltopdf.util.XRLog.setLevel(l, java.util.logging.Level.WARNING));
    }

    public FormRenderer(RuleSetService ruleSets) {
        FileTemplateResolver province = new FileTemplateResolver();
        province.setPrefix(ruleSets.formsDir().toAbsolutePath() + "/");
        province.setSuffix(".html");
        province.setTemplateMode(TemplateMode.HTML);
        province.setCharacterEncoding("UTF-8");
        province.setCheckExistence(true);
        province.setCacheTTLMs(60_000L);
        province.setOrder(1);
        ClassLoaderTemplateResolver builtIn = new ClassLoaderTemplateResolver();
        builtIn.setPrefix("templates/forms/");
        builtIn.setSuffix(".html");
        builtIn.setTemplateMode(TemplateMode.HTML);
        builtIn.setCharacterEncoding("UTF-8");
        builtIn.setCheckExistence(true);
        builtIn.setOrder(2);
        engine.addTemplateResolver(province);
        engine.addTemplateResolver(builtIn);
        for (int i = 0; i < FONTS.length; i++) {
            try (InputStream in = FormRenderer.class.getResourceAsStream("/net/sf/jasperreports/fonts/dejavu/" + FONTS[i][0])) {
                if (in == null) {
                    throw new IllegalStateException("font " + FONTS[i][0] + " missing from the classpath");
                }
                fonts[i] = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The template filled with the model, as (X)HTML. */
    public String html(String template, Map<String, Object> model) {
        Context context = new Context(Locale.forLanguageTag("vi"), model);
        context.setVariable("f", FormText.INSTANCE);
        return engine.process(template, context);
    }

    /**
     * The template filled with the model, as a PDF. The fonts are parsed once per thread and embedded (subset) into each
     * document only when the document uses them: parsing the TrueType files was most of a form's rendering time.
     */
    @Override
    public byte[] pdf(String template, Map<String, Object> model) {
        String html = html(template, model);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(doc);
            TrueTypeFont[] parsed = parsedFonts.get();
            for (int i = 0; i < FONTS.length; i++) {
                TrueTypeFont ttf = parsed[i];
                builder.useFont(new PDFontSupplier(null) {
                    private PDFont font;

                    @Override
                    public PDFont supply() {
                        if (font == null) {
                            try {
                                font = PDType0Font.load(doc, ttf, true);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                        return font;
                    }
                }, "DejaVu Serif", Integer.parseInt(FONTS[i][1]), BaseRendererBuilder.FontStyle.valueOf(FONTS[i][2]), true);
            }
            builder.withProducer("MotCua");
            builder.withHtmlContent(html, "file:///");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Không tạo được tệp PDF từ mẫu " + template, e);
        }
        return out.toByteArray();
    }

    /** The electronic result made from the template {@code shared/result} (before it is signed). */
    public byte[] result(Dossier d, String title, String resultType, DossierForms.Issuer issuer, String resultCode, String verifyUrl,
                         boolean demo, LocalDateTime at) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("d", d);
        m.put("title", title);
        m.put("resultType", resultType);
        m.put("issuer", issuer);
        m.put("resultCode", resultCode);
        m.put("verifyUrl", verifyUrl);
        m.put("qr", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(vn.motcua.shared.QrCodes.png(verifyUrl, 240)));
        m.put("demo", demo);
        m.put("at", at);
        return pdf("shared/result", m);
    }

    /** The applicant's declaration made with the online form, as a PDF attached to the component it stands for. */
    public byte[] eform(Dossier d, String componentName, String text, LocalDateTime at) {
        return pdf("eform", Map.of("d", d, "component", componentName, "text", text, "at", at));
    }
}
