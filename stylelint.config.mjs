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
};
