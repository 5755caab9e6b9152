/** Registry of model weights, their pinned build-time fetch, and ONNX Runtime sessions. */
package org.exhibit.models;
