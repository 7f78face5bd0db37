"""Django's formats for the site's languages (FORMAT_MODULE_PATH), where they differ from
Django's own: British English rather than American, a narrow no-break space to group
thousands in French, the 24-hour clock in every language. Input formats accept ISO dates
(2026-11-26) in every language, as Django always does, so the admin's date fields keep
working. Visitor-facing text uses chamber.toolkit.l10n, which also writes "1er"."""
