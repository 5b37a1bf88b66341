"""The catalog: categories, listings (products) with options and images, search, featured items."""
