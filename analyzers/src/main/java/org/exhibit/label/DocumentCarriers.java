package org.exhibit.label;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.exhibit.io.BoundedInflater;
import org.exhibit.io.Limits;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Label carriers in documents: PDF Info /AIGC and XMP, OOXML docProps/custom.xml, Markdown YAML front matter. */
final class DocumentCarriers {

    private DocumentCarriers() {
    }

    static void pdf(Path file, Source src, Limits limits, CarrierScan scan) throws IOException {
        scan.searched.add("PDF Info /AIGC, PDF XMP metadata");
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String v = doc.getDocumentInformation().getCustomMetadataValue("AIGC");
            if (v != null) {
                scan.labels.add(new CarrierScan.LabelText(locatePdfKey(src, "PDF Info"), v));
            }
            PDMetadata md = doc.getDocumentCatalog().getMetadata();
            if (md != null) {
                try (InputStream in = md.exportXMPMetadata()) {
                    scan.xmp.add(new CarrierScan.XmpPacket(new Located("PDF XMP metadata stream", null, -1, 0),
                            BoundedInflater.readBounded(in, limits.maxInflatedBytes()), -1));
                }
            }
        }
    }

    /** The raw "/AIGC (...)" entry when it lies uncompressed in the file; else a field pointer without offset. */
    private static Located locatePdfKey(Source src, String carrier) throws IOException {
        if (src.size() <= 256L << 20) {
            byte[] all = src.read(0, src.size());
            int at = Bin.indexOf(all, "/AIGC".getBytes(StandardCharsets.US_ASCII), 0);
            if (at >= 0) {
                int end = at + 5;
                while (end < all.length && (all[end] == ' ' || all[end] == '\r' || all[end] == '\n')) {
                    end++;
                }
                if (end < all.length && (all[end] == '(' || all[end] == '<')) {
                    char close = all[end] == '(' ? ')' : '>';
                    int depth = 0;
                    for (; end < all.length; end++) {
                        if (all[end] == '\\') {
                            end++;
                        } else if (all[end] == '(') {
                            depth++;
                        } else if (all[end] == close && (close == '>' || --depth == 0)) {
                            break;
                        }
                    }
                }
                return new Located(carrier, "AIGC", at, Math.min(all.length, end + 1) - at);
            }
        }
        return new Located(carrier, "AIGC", -1, 0);
    }

    static void ooxml(Path file, Limits limits, CarrierScan scan) throws IOException {
        scan.searched.add("OOXML docProps/custom.xml property AIGC");
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            ZipArchiveEntry e = zip.getEntry("docProps/custom.xml");
            if (e == null) {
                return;
            }
            byte[] xml;
            try (InputStream in = zip.getInputStream(e)) {
                xml = BoundedInflater.readBounded(in, limits.maxInflatedBytes());
            }
            NodeList props = safeXml(xml).getElementsByTagNameNS("*", "property");
            for (int i = 0; i < props.getLength(); i++) {
                Element p = (Element) props.item(i);
                if ("AIGC".equals(p.getAttribute("name"))) {
                    scan.labels.add(new CarrierScan.LabelText(new Located("OOXML docProps/custom.xml (zip entry data)",
                            "AIGC", e.getDataOffset(), e.getCompressedSize()), p.getTextContent().strip()));
                }
            }
        }
    }

    /** YAML reads {@code Label: 1} as a number; the label's fields are strings, as YAML authors mean them. */
    private static JsonNode scalarsAsText(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        var out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue().isValueNode() && !e.getValue().isNull()
                ? com.fasterxml.jackson.databind.node.TextNode.valueOf(e.getValue().asText()) : e.getValue()));
        return out;
    }

    /** XML without DTDs or external entities: a document that declares one is refused. */
    static org.w3c.dom.Document safeXml(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception ex) {
            throw new IOException("unreadable XML: " + ex.getMessage(), ex);
        }
    }

    /** Markdown: YAML front matter between "---" lines at the very start, key AIGC (a map or a JSON string). */
    static void markdown(Source src, CarrierScan scan) throws IOException {
        scan.searched.add("Markdown YAML front matter AIGC");
        byte[] head = src.readUpTo(0, 1 << 20);
        String text = new String(head, StandardCharsets.UTF_8);
        if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
            return;
        }
        int close = text.indexOf("\n---", 3);
        if (close < 0) {
            return;
        }
        String yaml = text.substring(text.indexOf('\n') + 1, close + 1);
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            scan.problems.add("Markdown front matter is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        JsonNode aigc = root == null ? null : root.get("AIGC");
        if (aigc == null) {
            return;
        }
        int keyAt = text.indexOf("\nAIGC:") + 1;
        int end = keyAt;
        do {
            end = text.indexOf('\n', end) + 1;
        } while (end > 0 && end <= close && (text.charAt(end) == ' ' || text.charAt(end) == '\t'));
        end = end <= 0 || end > close + 1 ? close + 1 : end;
        long offset = text.substring(0, keyAt).getBytes(StandardCharsets.UTF_8).length;
        long length = text.substring(keyAt, end).getBytes(StandardCharsets.UTF_8).length;
        String json = aigc.isTextual() ? aigc.asText() : "{\"AIGC\":" + scalarsAsText(aigc) + "}";
        scan.labels.add(new CarrierScan.LabelText(new Located("Markdown front matter", "AIGC", offset, length), json));
    }
}
