// conf without ajv: MCP Tray never gives conf a JSON schema (zod checks the settings).
const unused = (): never => {
  throw new Error('conf was given a JSON schema: MCP Tray bundles it without ajv');
};
export class Ajv2020 {
  constructor() {
    unused();
  }
}
export default { default: unused };
