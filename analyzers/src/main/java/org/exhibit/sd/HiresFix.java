package org.exhibit.sd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A1111-style second pass ("Hires fix"): the first pass is rendered at the record's width × height, then
 * upscaled by {@code upscale} (or to {@code resizeWidth} × {@code resizeHeight}) and re-sampled.
 *
 * @param upscale      "Hires upscale" factor
 * @param resizeWidth  "Hires resize" width, when given instead of a factor
 * @param resizeHeight "Hires resize" height
 * @param upscaler     "Hires upscaler"
 * @param steps        "Hires steps" (0 or null: same as the first pass)
 * @param denoise      the second pass's denoising strength ("Denoising strength" when hires fix is on)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"upscale", "resizeWidth", "resizeHeight", "upscaler", "steps", "denoise"})
public record HiresFix(Double upscale, Integer resizeWidth, Integer resizeHeight, String upscaler, Integer steps,
                       Double denoise) {

    /** The final image size this hires pass implies for a first pass of {@code width} × {@code height}. */
    public int[] finalSize(int width, int height) {
        if (resizeWidth != null && resizeHeight != null && resizeWidth > 0 && resizeHeight > 0) {
            return new int[]{resizeWidth, resizeHeight};
        }
        double f = upscale == null ? 1.0 : upscale;
        // A1111 processing.py: hr_upscale_to_x = int(width * hr_scale)
        return new int[]{(int) (width * f), (int) (height * f)};
    }
}
