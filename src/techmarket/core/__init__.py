"""The shared kernel: infrastructure every service uses, and no business rule."""
