"""Text handling with offsets: alignment, normalizers, segmentation."""
