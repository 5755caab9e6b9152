package org.exhibit.label;

import org.exhibit.io.container.Flac;
import org.exhibit.io.container.Id3v2;
import org.exhibit.io.container.Ogg;
import org.exhibit.io.container.Riff;
import org.exhibit.io.container.Text;
import org.exhibit.io.container.VorbisComments;

import java.io.IOException;
import java.util.List;

/**
 * Which items of an audio container can carry a label: WAV RIFF chunks (an "AIGC" chunk, LIST/INFO items, XMP in
 * "_PMX"), ID3v2 TXXX frames, FLAC and Ogg Vorbis comments. The containers are walked by
 * {@code org.exhibit.io.container}.
 */
final class AudioLabels {

    private AudioLabels() {
    }

    static void wav(Riff.File f, CarrierScan scan) throws IOException {
        scan.searched.add("WAV RIFF chunks (AIGC, LIST/INFO, _PMX XMP)");
        riff(f, f.chunks(), scan, "WAV");
        Carriers.problems(f, scan, p -> true);
    }

    private static void riff(Riff.File f, List<Riff.Chunk> chunks, CarrierScan scan, String prefix) throws IOException {
        for (Riff.Chunk c : chunks) {
            if (c.truncated()) {
                continue;
            }
            String id = c.id();
            Located where = new Located(prefix + " chunk " + id.trim(), null, c.offset(), c.length());
            if (c.isList("INFO")) {
                riff(f, c.children(), scan, prefix + " LIST/INFO");
            } else if (id.equals("_PMX")) {
                byte[] packet = f.data(c);
                if (packet != null) {
                    scan.xmp.add(new CarrierScan.XmpPacket(where, packet, c.dataOffset()));
                }
            } else if (!id.equals("data") && c.dataLength() < (1 << 20)) {
                byte[] d = f.data(c);
                String text = d == null ? "" : Text.trimNul(Text.decode(d));
                if (id.equals("AIGC") || Texts.holdsAigcObject(text)) {
                    scan.labels.add(new CarrierScan.LabelText(where.narrow(id.trim(), c.offset(), c.length()), text));
                }
            }
        }
    }

    static void mp3(Id3v2.File f, CarrierScan scan) throws IOException {
        scan.searched.add("ID3v2 TXXX:AIGC");
        for (Id3v2.Frame fr : f.frames()) {
            if (fr.truncated() || !(fr.id().equals("TXXX") || fr.id().equals("TXX"))) {
                continue;
            }
            Id3v2.Txxx kv = f.txxx(fr);
            if (kv != null && (kv.description().equals("AIGC") || Texts.holdsAigcObject(kv.value()))) {
                scan.labels.add(new CarrierScan.LabelText(new Located("ID3v2 " + fr.id(), kv.description(),
                        fr.offset(), fr.length()), kv.value()));
            }
        }
        Carriers.problems(f, scan, p -> true);
    }

    static void flac(Flac.File f, CarrierScan scan) throws IOException {
        scan.searched.add("FLAC Vorbis comment AIGC=");
        comments(f.comments(), "FLAC VORBIS_COMMENT", scan);
        Carriers.problems(f, scan, p -> true);
    }

    static void ogg(Ogg.File f, CarrierScan scan) {
        scan.searched.add("Ogg Vorbis/Opus comment AIGC=");
        comments(f.comments(), "Ogg comment header", scan);
        Carriers.problems(f, scan, p -> true);
    }

    private static void comments(List<VorbisComments.Comment> comments, String carrier, CarrierScan scan) {
        for (VorbisComments.Comment c : comments) {
            if (c.key().equalsIgnoreCase("AIGC") || Texts.holdsAigcObject(c.value())) {
                scan.labels.add(new CarrierScan.LabelText(new Located(carrier, c.key(), c.offset(), c.length()),
                        c.value()));
            }
        }
    }
}
