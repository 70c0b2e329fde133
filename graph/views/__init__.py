"""diplograph subpackage."""
