import { Text, View } from '@tarojs/components';
import { ROLE_LABELS, type Role } from '@fugong/contracts';
import './index.css';

export interface RoleTagsProps {
  roles: readonly Role[];
  /** White-on-colour pills for use on the blue header. */
  inverse?: boolean;
}

/** The person's roles as small Chinese labels (务工人员, 复工管家 …). */
export function RoleTags({ roles, inverse = false }: RoleTagsProps) {
  return (
    <View className="role-tags">
      {roles.map((role) => (
        <Text key={role} className={inverse ? 'role-tags__tag role-tags__tag--inverse' : 'role-tags__tag'}>
          {ROLE_LABELS[role]}
        </Text>
      ))}
    </View>
  );
}
