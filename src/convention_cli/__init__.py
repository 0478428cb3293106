"""convention: registre vivant de la convention de partenariat UNML × DGOM."""

__version__ = "0.1.0"
