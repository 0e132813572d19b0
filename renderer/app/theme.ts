import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * The console's accent (#2457c5 at shade 6), a danger red dark enough for white text and an amber
 * whose darkest shade reads on its lightest: Mantine's default blue, red and orange fall short of
 * the 4.5:1 contrast that axe checks.
 */
const brand: MantineColorsTuple = ['#edf2fc', '#d8e2f6', '#adc3ec', '#7fa2e2', '#5886d9', '#3f74d4', '#2457c5', '#1c47a3', '#163a87', '#0f2c6b'];
const danger: MantineColorsTuple = ['#fdecea', '#f9d3cf', '#f0a8a1', '#e67b71', '#dc564a', '#cf3c30', '#b4231b', '#961c15', '#7d150f', '#5e0f0b'];
/** For 'high' priority and amber notices: light badges use shade 9 as text, which must stay dark. */
const warning: MantineColorsTuple = ['#fff4e0', '#ffe6bd', '#ffd08a', '#ffb84d', '#f7a21b', '#e08e00', '#c27800', '#a06200', '#804e00', '#5e3a00'];

/** For good news (sent, pushed, on): Mantine's green reads at about 2.5:1 as light-badge text. */
const success: MantineColorsTuple = ['#e6f6ec', '#c6ead3', '#97d8b0', '#64c48b', '#3daf6c', '#238f52', '#1a7443', '#145c35', '#0f4628', '#0a321c'];

export const theme = createTheme({
  primaryColor: 'brand',
  colors: { brand, danger, warning, success },
  primaryShade: { light: 6, dark: 7 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', sans-serif",
  defaultRadius: 'sm',
  fontSizes: { xs: '12px', sm: '13px', md: '14px', lg: '16px', xl: '18px' },
  // Controls are focused from the keyboard as often as clicked: always show where focus is.
  focusRing: 'auto',
});

/** Secondary text that still reads at 4.5:1 on the body in both schemes (Mantine's default dimmed does not). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5a6573' },
  dark: { '--mantine-color-dimmed': '#a9b1bc' },
});
