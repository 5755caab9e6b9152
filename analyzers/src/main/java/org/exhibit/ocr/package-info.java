/**
 * Optical character recognition shared by the analyzers that read visible text (watermark, label):
 * PP-OCRv4 detection and recognition over ONNX Runtime. Not an analyzer itself: it returns text lines, not findings.
 */
package org.exhibit.ocr;
