import { defineCourse } from '../../../../lib/course/course';
import l0 from './week-1/01-alpha/lesson';
import l1 from './week-1/02-beta/lesson';
export const course = defineCourse([
  { week: 1, title: 'W1', summary: 'S', lessons: [l0,l1] },
]);
