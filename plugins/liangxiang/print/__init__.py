"""Print: zone signboards, member desk plates and QR codes (being built)."""
