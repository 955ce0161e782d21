/** Stylelint for renderer CSS: the standard config, with our BEM class names. */
export default {
  extends: ['stylelint-config-standard'],
  rules: {
    // BEM: block, block__element, block--modifier, block__element--modifier (all kebab-case).
    'selector-class-pattern': [
      '^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$',
      { message: (selector) => `Expected class selector "${selector}" to be BEM in kebab-case` },
    ],
    // Font family names keep their case in the font tokens (they read as the fonts' names).
    'value-keyword-case': ['lower', { ignoreProperties: [/^--font-/] }],
    'import-notation': 'string',
  },
  overrides: [
    {
      // The palette is written once, in the tokens: everywhere else a colour is a var().
      files: ['renderer/**/!(tokens).css'],
      rules: {
        'color-no-hex': [true, { message: 'Use a colour token from styles/tokens.css' }],
        'color-named': ['never', { message: 'Use a colour token from styles/tokens.css' }],
        'function-disallowed-list': [
          ['rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'light-dark'],
          { message: 'Use a colour token from styles/tokens.css' },
        ],
      },
    },
  ],
};
