package org.exhibit.sd.hash;

import org.apache.commons.codec.digest.Blake3;
import org.exhibit.evidence.Hashing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;

/**
 * Computes {@link ModelFileHashes} in a single streaming pass: every byte is read once, in 4 MiB blocks, and fed
 * to each digest; nothing larger than two blocks (and a safetensors header, at most 100 MB) is held in memory.
 * The whole-file SHA-256 runs on the calling thread, the addnet SHA-256, CRC-32 and (when asked) BLAKE3 on a
 * second one. BLAKE3 is optional because no generator records it and the pure-Java implementation is the
 * slowest of them by far (about 90 MB/s here against 400 MB/s for SHA-256).
 * Definitions follow the generators' code: A1111 modules/hashes.py (sha256, addnet_hash_safetensors) and
 * sd_models.py (model_hash: the old 8-hex hash), kohya-ss sd-scripts train_util.py (the same addnet hash).
 */
public final class ModelHasher {

    static final long AUTOV1_OFFSET = 0x100000;
    static final long AUTOV1_LENGTH = 0x10000;
    private static final int BLOCK = 4 << 20;

    private ModelHasher() {
    }

    /** Hashes {@code file}, shown in reports as {@code displayPath}. Safetensors rules apply by extension, as in A1111. */
    public static ModelFileHashes hash(Path file, String displayPath) throws IOException {
        return hash(file, displayPath, false);
    }

    /** As {@link #hash(Path, String)}, with BLAKE3 too when {@code blake3} is set (Civitai lists it). */
    public static ModelFileHashes hash(Path file, String displayPath, boolean blake3) throws IOException {
        boolean safetensors = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".safetensors");
        ExecutorService side = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "model-hash");
            t.setDaemon(true);
            return t;
        });
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            return new Pass(ch.size(), safetensors, blake3).run(ch, side, displayPath);
        } finally {
            side.shutdownNow();
        }
    }

    /** The state of one pass: digests plus what the first bytes said about the layout. */
    private static final class Pass {
        final long size;
        final boolean safetensors;
        final MessageDigest sha = Hashing.sha256();
        final MessageDigest autoV1 = Hashing.sha256();
        final MessageDigest addnet = Hashing.sha256();
        final Blake3 blake3;
        final CRC32 crc = new CRC32();
        long headerLength = -1;
        long declaredLength = -1;
        byte[] header;
        byte[] magic = new byte[0];

        Pass(long size, boolean safetensors, boolean withBlake3) {
            this.size = size;
            this.safetensors = safetensors;
            this.blake3 = withBlake3 ? Blake3.initHash() : null;
        }

        ModelFileHashes run(FileChannel ch, ExecutorService side, String displayPath) throws IOException {
            ByteBuffer[] buffers = {ByteBuffer.allocate(BLOCK), ByteBuffer.allocate(BLOCK)};
            CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);
            long pos = 0;
            for (int i = 0; ; i ^= 1) {
                ByteBuffer buf = buffers[i];
                int n = fill(ch, buf);
                pending.join(); // the block read two turns ago may now be reused
                if (n <= 0) {
                    break;
                }
                byte[] a = buf.array();
                long at = pos;
                if (at == 0) {
                    readLayout(a, n);
                }
                captureHeader(a, at, n);
                long addnetStart = 8 + Math.max(0, headerLength);
                pending = CompletableFuture.runAsync(() -> {
                    if (safetensors) {
                        feed(addnet, a, at, n, addnetStart, Long.MAX_VALUE);
                    }
                    crc.update(a, 0, n);
                    if (blake3 != null) {
                        blake3.update(a, 0, n);
                    }
                }, side);
                sha.update(a, 0, n);
                feed(autoV1, a, at, n, AUTOV1_OFFSET, AUTOV1_OFFSET + AUTOV1_LENGTH);
                pos += n;
            }
            HexFormat hex = HexFormat.of();
            String b3 = null;
            if (blake3 != null) {
                byte[] out = new byte[32];
                blake3.doFinalize(out);
                b3 = hex.formatHex(out);
            }
            SafetensorsHeader checked = safetensors ? SafetensorsHeader.check(size, headerLength >= 0, declaredLength,
                    header == null ? new byte[0] : header) : null;
            return new ModelFileHashes(displayPath, size, format(), hex.formatHex(sha.digest()),
                    hex.formatHex(autoV1.digest()).substring(0, 8), hasTensorData() ? hex.formatHex(addnet.digest()) : null,
                    String.format(Locale.ROOT, "%08X", crc.getValue()), b3, checked);
        }

        /**
         * Whether there are bytes after a safetensors header to hash for AutoV3. A header that claims to run past
         * the end of the file leaves nothing: A1111 would then report the hash of empty input, which names no file.
         */
        private boolean hasTensorData() {
            return safetensors && headerLength >= 0 && 8 + headerLength <= size;
        }

        private void readLayout(byte[] a, int n) {
            magic = java.util.Arrays.copyOf(a, Math.min(n, 4));
            if (n >= 8) {
                declaredLength = ByteBuffer.wrap(a, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
                // A1111 reads it as an unsigned integer; a "negative" long is simply enormous
                headerLength = declaredLength < 0 ? Long.MAX_VALUE - 8 : declaredLength;
                if (safetensors && headerLength <= SafetensorsHeader.MAX_HEADER && headerLength + 8 <= size) {
                    header = new byte[(int) headerLength];
                }
            }
        }

        private void captureHeader(byte[] a, long at, int n) {
            if (header == null) {
                return;
            }
            long from = Math.max(at, 8);
            long to = Math.min(at + n, 8 + headerLength);
            if (from < to) {
                System.arraycopy(a, (int) (from - at), header, (int) (from - 8), (int) (to - from));
            }
        }

        private String format() {
            if (safetensors) {
                return "safetensors";
            }
            if (magic.length >= 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                return "torch zip";
            }
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x80 && magic[1] >= 2 && magic[1] <= 5) {
                return "pickle";
            }
            return "unknown";
        }
    }

    /** Feeds the part of block [at, at+n) that lies inside [start, end) to the digest. */
    private static void feed(MessageDigest d, byte[] a, long at, int n, long start, long end) {
        long from = Math.max(at, start);
        long to = Math.min(at + n, end);
        if (from < to) {
            d.update(a, (int) (from - at), (int) (to - from));
        }
    }

    /** Reads until the buffer is full or the file ends, so that block boundaries do not depend on the OS. */
    private static int fill(FileChannel ch, ByteBuffer buf) throws IOException {
        buf.clear();
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                break;
            }
        }
        return buf.position();
    }
}
