// Stylelint for static/css (run by `make lint-css`): the standard config, with these changes.
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // Keep min-/max-width media queries: the range syntax (width <= 40rem) is ignored by
    // browsers older than Safari 16.4, which would then lose the small-screen layout.
    "media-feature-range-notation": "prefix",
    // It compares any two selectors that end alike (.main-nav a:hover, .site-footer a) even
    // when they can never match the same element; obeying it would order the file by
    // specificity instead of by section. When moving rules, keep those that can style the
    // same element with equal specificity in their original order.
    "no-descending-specificity": null,
    // iOS Safari only knows the prefixed text-size-adjust; adding the unprefixed one
    // would change how other browsers size text.
    "property-no-vendor-prefix": [true, { ignoreProperties: ["-webkit-text-size-adjust"] }],
    // .visually-hidden keeps clip: rect(0 0 0 0), the long-established hiding pattern
    // that every browser and screen reader still honours.
    "property-no-deprecated": [true, { ignoreProperties: ["clip"] }],
    // --font is a font stack: family names such as Roboto keep their case.
    "value-keyword-case": ["lower", { ignoreProperties: ["--font"] }],
    // The palette lives in :root custom properties; rules use var(--...), never a literal
    // colour (transparent, currentColor and inherit are keywords, not palette colours).
    "color-named": "never",
    "declaration-property-value-disallowed-list": {
      "/^(?!--)/": ["/#[0-9a-f]{3,8}\\b/i", "/\\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\\(/i"],
    },
  },
};
