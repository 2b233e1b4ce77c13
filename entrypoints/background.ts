export default defineBackground(() => {
  console.log('[fyp] background started');
});
