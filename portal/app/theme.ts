import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * The portal's colours: a brand blue whose shade 6 carries white text at 4.5:1 and a danger red
 * dark enough for it too (Mantine's defaults fall short of what axe checks).
 */
const brand: MantineColorsTuple = ['#e9f1fb', '#d2e2f6', '#a5c4ec', '#75a4e2', '#4d89d9', '#3478d3', '#1f5fb4', '#1a4f96', '#143f79', '#0e2f5b'];
const danger: MantineColorsTuple = ['#fdecea', '#f9d3cf', '#f0a8a1', '#e67b71', '#dc564a', '#cf3c30', '#b4231b', '#961c15', '#7d150f', '#5e0f0b'];

export const portalTheme = createTheme({
  primaryColor: 'brand',
  colors: { brand, danger },
  primaryShade: 6,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif",
  defaultRadius: 'md',
  // Customers use the keyboard too: always show where focus is.
  focusRing: 'auto',
});

/** Secondary text and field messages that still read at 4.5:1 on white (Mantine's red-6 errors do not). */
export const portalCssVariables: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#55606e', '--mantine-color-error': danger[6] },
  dark: {},
});
