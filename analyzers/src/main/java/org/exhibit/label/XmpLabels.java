package org.exhibit.label;

import com.adobe.internal.xmp.XMPException;
import com.adobe.internal.xmp.XMPIterator;
import com.adobe.internal.xmp.XMPMeta;
import com.adobe.internal.xmp.XMPMetaFactory;
import com.adobe.internal.xmp.options.IteratorOptions;
import com.adobe.internal.xmp.properties.XMPPropertyInfo;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the label properties of an XMP packet: {@code TC260:AIGC} (GB 45438) and IPTC
 * {@code Iptc4xmpExt:DigitalSourceType}. Parsing is Adobe's XMPCore, which refuses packets that declare a DTD,
 * so no entity is ever expanded or fetched.
 */
final class XmpLabels {

    static final String TC260_NS = "http://www.tc260.org.cn/ns/AIGC/1.0/";
    static final String IPTC_EXT_NS = "http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

    /**
     * What a packet says.
     *
     * @param aigc              the TC260:AIGC value as JSON text (a struct is turned into a JSON object), or null
     * @param aigcAt            where that property's XML lies, or the packet when it cannot be narrowed
     * @param digitalSourceType the IPTC digital source type URI, or null
     * @param sourceTypeAt      where it lies
     * @param error             why the packet could not be read, or null
     */
    record Read(String aigc, Located aigcAt, String digitalSourceType, Located sourceTypeAt, String error) {
    }

    private XmpLabels() {
    }

    static Read read(CarrierScan.XmpPacket packet) {
        XMPMeta meta;
        try {
            String text = new String(packet.bytes(), StandardCharsets.UTF_8);
            if (text.contains("<!DOCTYPE") || text.contains("<!ENTITY")) {
                return new Read(null, null, null, null, "the packet declares a DTD or entities; refused unread");
            }
            meta = XMPMetaFactory.parseFromBuffer(packet.bytes());
        } catch (XMPException | RuntimeException e) {
            return new Read(null, null, null, null, "unreadable XMP (" + e.getMessage() + ")");
        }
        String aigc = null;
        try {
            if (meta.doesPropertyExist(TC260_NS, "AIGC")) {
                var prop = meta.getProperty(TC260_NS, "AIGC");
                aigc = prop.getOptions().isStruct() ? structAsJson(meta) : prop.getValue();
            }
            String dst = meta.doesPropertyExist(IPTC_EXT_NS, "DigitalSourceType")
                    ? meta.getPropertyString(IPTC_EXT_NS, "DigitalSourceType") : null;
            return new Read(aigc, aigc == null ? null : locate(packet, "AIGC"), dst,
                    dst == null ? null : locate(packet, "DigitalSourceType"), null);
        } catch (XMPException e) {
            return new Read(null, null, null, null, "unreadable XMP property (" + e.getMessage() + ")");
        }
    }

    private static String structAsJson(XMPMeta meta) throws XMPException {
        Map<String, String> fields = new LinkedHashMap<>();
        XMPIterator it = meta.iterator(TC260_NS, "AIGC", new IteratorOptions().setJustLeafnodes(true));
        while (it.hasNext()) {
            XMPPropertyInfo p = (XMPPropertyInfo) it.next();
            String path = p.getPath();
            fields.put(path.substring(path.lastIndexOf(':') + 1), p.getValue());
        }
        try {
            return new ObjectMapper().writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The property's element or attribute inside the packet, as a file range; the packet when not found. */
    static Located locate(CarrierScan.XmpPacket packet, String localName) {
        Located whole = packet.where().narrow(localName, packet.where().offset(), packet.where().length());
        if (packet.dataOffset() < 0) {
            return whole;
        }
        String text = new String(packet.bytes(), StandardCharsets.UTF_8);
        Pattern element = Pattern.compile("<([\\w.-]+):" + localName + "\\b[^>]*?(/>|>.*?</\\1:" + localName + ">)",
                Pattern.DOTALL);
        Pattern attribute = Pattern.compile("[\\w.-]+:" + localName + "\\s*=\\s*(\"[^\"]*\"|'[^']*')");
        for (Pattern p : new Pattern[]{element, attribute}) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                long start = text.substring(0, m.start()).getBytes(StandardCharsets.UTF_8).length;
                long len = m.group().getBytes(StandardCharsets.UTF_8).length;
                String prefix = m.group().replaceFirst("^<?([\\w.-]+):.*", "$1");
                return new Located(packet.where().carrier() + " XMP", prefix + ":" + localName,
                        packet.dataOffset() + start, len);
            }
        }
        return whole;
    }
}
