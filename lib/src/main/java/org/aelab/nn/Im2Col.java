package org.aelab.nn;

import java.util.Arrays;

/**
 * The unrolling that turns a convolution into one matrix product. For a k×k kernel, stride 1 and p zeros of
 * padding on each side, the output of an H×W image is Ho×Wo with Ho = H + 2p − k + 1, Wo = W + 2p − k + 1.
 * For a chunk of images, {@link #im2col} writes the K × P matrix (K = C·k·k kernel taps, P = images·Ho·Wo
 * output pixels), row-major:
 * <pre>
 *   col[(c, ky, kx)][(n, oy, ox)] = x[n][c][oy + ky − p][ox + kx − p]     (0 where that pixel is off the image)
 * </pre>
 * with row index (c·k + ky)·k + kx and column index n·Ho·Wo + oy·Wo + ox. A convolution is then
 * Z = Wᵀ·col. {@link #col2imAdd} is the adjoint (transpose) of im2col: it adds every entry of a K × P
 * matrix back onto the input pixel it was copied from, which is how ∂E/∂col becomes ∂E/∂x.
 */
final class Im2Col {
    private final ImageShape input;
    private final int kernel;
    private final int pad;
    private final int outHeight;
    private final int outWidth;

    Im2Col(ImageShape input, int kernel, int pad) {
        this.input = input;
        this.kernel = kernel;
        this.pad = pad;
        this.outHeight = input.height() + 2 * pad - kernel + 1;
        this.outWidth = input.width() + 2 * pad - kernel + 1;
    }

    int outHeight() {
        return outHeight;
    }

    int outWidth() {
        return outWidth;
    }

    /** K = C·k·k, the rows of the unrolled matrix. */
    int taps() {
        return input.channels() * kernel * kernel;
    }

    /** Ho·Wo, the columns one image contributes. */
    int positions() {
        return outHeight * outWidth;
    }

    /** Unrolls images {@code first .. first + images − 1} of the batch {@code x} (one image per row) into {@code col}. */
    void im2col(float[] x, int first, int images, float[] col) {
        walk(x, first, images, col, false);
    }

    /** dx[first + n][c][iy][ix] += Σ col over every (ky, kx, oy, ox) with (oy + ky − p, ox + kx − p) = (iy, ix). */
    void col2imAdd(float[] col, int first, int images, float[] dx) {
        walk(dx, first, images, col, true);
    }

    /** The one loop nest of both directions: copy image → col, or add col → image. */
    private void walk(float[] image, int first, int images, float[] col, boolean addToImage) {
        int height = input.height();
        int width = input.width();
        int plane = input.plane();
        int positions = positions();
        int columns = images * positions;
        for (int c = 0; c < input.channels(); c++) {
            for (int ky = 0; ky < kernel; ky++) {
                for (int kx = 0; kx < kernel; kx++) {
                    int row = ((c * kernel + ky) * kernel + kx) * columns;
                    // output columns ox whose input column ix = ox + kx − p lies on the image
                    int oxFrom = Math.min(outWidth, Math.max(0, pad - kx));
                    int oxTo = Math.max(oxFrom, Math.min(outWidth, width + pad - kx));
                    for (int n = 0; n < images; n++) {
                        int channelStart = (first + n) * input.size() + c * plane;
                        for (int oy = 0; oy < outHeight; oy++) {
                            int to = row + n * positions + oy * outWidth;
                            int iy = oy + ky - pad;
                            if (iy < 0 || iy >= height) {
                                if (!addToImage) {
                                    Arrays.fill(col, to, to + outWidth, 0f);
                                }
                                continue;
                            }
                            int from = channelStart + iy * width + kx - pad; // + ox: the input pixel of output ox
                            if (addToImage) {
                                for (int ox = oxFrom; ox < oxTo; ox++) {
                                    image[from + ox] += col[to + ox];
                                }
                            } else {
                                Arrays.fill(col, to, to + oxFrom, 0f);
                                System.arraycopy(image, from + oxFrom, col, to + oxFrom, oxTo - oxFrom);
                                Arrays.fill(col, to + oxTo, to + outWidth, 0f);
                            }
                        }
                    }
                }
            }
        }
    }
}
