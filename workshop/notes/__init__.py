"""The notes: taking them at a station (``capture``), the codebook of categories (``codebook``), reading,
ordering and counting them (``review``) and the secretariat's summaries (``summaries``)."""
