package cn.jiandu.identity;

import cn.jiandu.shared.security.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Demo people a module contributes (profile {@code demo}): declare a bean of this type in the module and identity's
 * seed step {@code identity.demo-people} creates them with the demo password, in the named org unit. A username
 * contributed twice, an unknown role or a unit missing from the demo organisation stops the start.
 *
 * @param module who contributes them (named in the start-up error)
 */
public record DemoPeople(String module, List<Person> people) {

    public DemoPeople {
        people = List.copyOf(people);
    }

    public static DemoPeople of(String module, Person... people) {
        return new DemoPeople(module, List.of(people));
    }

    /**
     * One demo person.
     *
     * @param roles role names separated by commas ({@code "HANDLER"}, {@code "REVIEWER,EMPLOYEE"})
     */
    public record Person(String username, String displayName, String unitName, String roles) {

        /** The roles, each checked against {@link Role}; an unknown name fails naming it and the person. */
        public Set<Role> roleSet() {
            try {
                return Arrays.stream(roles.split(",")).map(Role::named).collect(Collectors.toSet());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("demo person " + username + ": " + e.getMessage(), e);
            }
        }
    }
}
