import { z } from 'zod';

/**
 * The departments issues are dispatched to (PRODUCT.md §4). A fixed list: codes are stored on
 * officers (`departmentId`) and issues, so a code never changes once issued.
 */
export const DEPARTMENTS = [
  { code: 'rsj', name: '人社局', fullName: '人力资源和社会保障局' },
  { code: 'jtj', name: '交通局', fullName: '交通运输局' },
  { code: 'gxj', name: '工信局', fullName: '工业和信息化局' },
  { code: 'fgw', name: '发改委', fullName: '发展和改革委员会' },
  { code: 'jrb', name: '金融办', fullName: '地方金融监管局' },
  { code: 'wjj', name: '卫健局', fullName: '卫生健康局' },
  { code: 'swj', name: '商务局', fullName: '商务局' },
  { code: 'zrzyj', name: '自然资源局', fullName: '自然资源和规划局' },
  { code: 'sfj', name: '司法局', fullName: '司法局' },
  // Pays the subsidies 人社局 and 交通局 compute (免申即享); also answers funding questions.
  { code: 'czj', name: '财政局', fullName: '财政局' },
  // Convened with the above by 马上会办 on key projects (seed 000 三(四)); 金融工作服务中心 is 金融办's seat.
  { code: 'zjj', name: '住建局', fullName: '住房和城乡建设局' },
  { code: 'slj', name: '水务局', fullName: '水务局' },
  { code: 'xzspj', name: '行政审批局', fullName: '行政审批局' },
  { code: 'sthjj', name: '生态环境局', fullName: '生态环境局' },
  { code: 'gdgs', name: '供电公司', fullName: '供电公司' },
] as const;

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];
export const departmentCodeSchema = z.enum(
  DEPARTMENTS.map((d) => d.code) as [DepartmentCode, ...DepartmentCode[]],
  {
    message: '请选择办理部门',
  },
);

export const departmentSchema = z.object({
  code: departmentCodeSchema,
  name: z.string(),
  fullName: z.string(),
});
export type Department = z.infer<typeof departmentSchema>;

/** The department's short name for a code, or the code itself when unknown. */
export function departmentName(code: string): string {
  return DEPARTMENTS.find((d) => d.code === code)?.name ?? code;
}
