// Lesson ↔ workbench, both ways: a check card opens its workbench preset, every workbench page
// leads back to the lesson, and coming back re-runs the check (a pass found so is saved, and
// checks with nothing to grade never count as a try).
import { expect, test } from './fixtures';
import { exerciseCard, lessonDef } from './course';
import { TransferPage } from './workbench';

test('lesson → workbench → back: the way back survives moving around, and the check re-runs on return without counting a try', async ({ page }) => {
  await page.goto('/lessons/your-first-model');
  const card = exerciseCard(page, 'first-run');
  await card.getByRole('button', { name: 'Check my workbench' }).click();
  await expect(card.getByTestId('not-gradable-note')).toContainText('did not count as a try');
  await expect(card.getByTestId('exercise-status')).toHaveText(/Not started/);

  await card.getByTestId('exercise-workbench-link').click();
  await expect(page).toHaveURL(/\/workbench\/train\?.*from=your-first-model/);
  const back = page.getByTestId('lesson-return-link');
  await expect(back).toHaveAccessibleName(`Back to ${lessonDef('your-first-model').title}, exercise “Train your first model”`);

  // Moving to another workbench page keeps the way back; a finished flights run arrives there
  // (imported: training through the UI is the training journey's).
  await new TransferPage(page).importSeed('flights-linear-and-mlp.json');
  await expect(back).toBeVisible();
  await back.click();
  await expect(page).toHaveURL(/\/lessons\/your-first-model#exercise-first-run-card$/);
  await expect(card.getByTestId('exercise-status')).toHaveText(/^Passed/);
  await expect(card.getByTestId('auto-recheck-note')).toContainText('it passes now');
});
