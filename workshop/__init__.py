"""workshop: run station-round workshops from the first plan to the final minutes."""

__version__ = "0.1.0"
