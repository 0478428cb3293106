"""convention: registre vivant de la convention de partenariat UNML × DGOM."""

__version__ = "0.2.0"
