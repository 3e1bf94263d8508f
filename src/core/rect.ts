/** A rectangle in pixels of whatever image it refers to. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
