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
import org.exhibit.io.container.ByteSource;
import org.exhibit.io.container.Bytes;
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

    static void pdf(Path file, ByteSource src, Limits limits, CarrierScan scan) throws IOException {
        scan.searched.add("PDF Info /AIGC, PDF XMP metadata");
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String v = doc.getDocumentInformation().getCustomMetadataValue("AIGC");
            if (v != null) {
                scan.labels.add(new CarrierScan.LabelText(locatePdfKey(src, limits, "PDF Info"), v));
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

    /**
     * The raw "/AIGC (...)" entry when it lies uncompressed in the file's first {@code maxScanBytes}; else a field
     * pointer without offset. The file is searched in windows, so memory stays small whatever its size.
     */
    private static Located locatePdfKey(ByteSource src, Limits limits, String carrier) throws IOException {
        byte[] key = "/AIGC".getBytes(StandardCharsets.US_ASCII);
        int window = 1 << 20;
        int tail = 1 << 16; // the value after the key is looked for within this many bytes
        long scanEnd = Math.min(src.size(), limits.maxScanBytes());
        for (long from = 0; from < scanEnd; from += window) {
            byte[] b = src.readUpTo(from, Math.min(window + key.length - 1 + tail, src.size() - from));
            int at = Bytes.indexOf(b, key, 0);
            if (at >= 0 && at < window && from + at < scanEnd) {
                return new Located(carrier, "AIGC", from + at, pdfValueEnd(b, at) - at);
            }
        }
        return new Located(carrier, "AIGC", -1, 0);
    }

    /** One past the end of the literal or hex string after the key at {@code at}, or of the key alone. */
    private static int pdfValueEnd(byte[] all, int at) {
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
        return Math.min(all.length, end + 1);
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
    static void markdown(ByteSource src, CarrierScan scan) throws IOException {
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
